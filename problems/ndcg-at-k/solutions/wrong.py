class Solution:
    def ndcg_at_k(self, relevances: List[float], k: int) -> float:
        top = relevances[:k]
        # Bug: the ideal ranking is built from the top k only, so highly relevant items ranked
        # below position k never enter IDCG.
        ideal = sorted(top, reverse=True)
        dcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(top))
        idcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(ideal))
        return dcg / idcg if idcg > 0 else 0.0
