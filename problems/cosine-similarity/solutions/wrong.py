class Solution:
    def cosine_similarity(self, a: List[float], b: List[float]) -> float:
        dot = sum(x * y for x, y in zip(a, b))
        # Bug: squared norms (the square roots are missing).
        norm_a = sum(x * x for x in a)
        norm_b = sum(y * y for y in b)
        if norm_a == 0 or norm_b == 0:
            return 0.0
        return dot / (norm_a * norm_b)
