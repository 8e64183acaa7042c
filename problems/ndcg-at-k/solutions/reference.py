class Solution:
    def ndcg_at_k(self, relevances: List[float], k: int) -> float:
        def dcg(rels: List[float]) -> float:
            return sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(rels[:k]))

        ideal = dcg(sorted(relevances, reverse=True))
        if ideal == 0:
            return 0.0
        return dcg(relevances) / ideal
