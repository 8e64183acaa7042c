class Solution:
    def softmax(self, logits: List[float]) -> List[float]:
        # Bug: no max subtraction; exp underflows to 0 for very negative logits (and overflows for large ones).
        exps = [math.exp(x) for x in logits]
        total = sum(exps)
        return [e / total for e in exps]
