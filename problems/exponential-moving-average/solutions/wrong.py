class Solution:
    def ema(self, values: List[float], alpha: float) -> List[float]:
        if not values:
            return []
        result = [values[0]]
        for v in values[1:]:
            # Bug: alpha weighs the previous average instead of the new value.
            result.append(alpha * result[-1] + (1 - alpha) * v)
        return result
