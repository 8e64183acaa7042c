class Solution:
    def ema(self, values: List[float], alpha: float) -> List[float]:
        result = []
        for i, v in enumerate(values):
            if i == 0:
                result.append(v)
            else:
                result.append(alpha * v + (1 - alpha) * result[-1])
        return result
