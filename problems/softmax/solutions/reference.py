class Solution:
    def softmax(self, logits: List[float]) -> List[float]:
        m = max(logits)
        exps = [math.exp(x - m) for x in logits]
        total = sum(exps)
        return [e / total for e in exps]
