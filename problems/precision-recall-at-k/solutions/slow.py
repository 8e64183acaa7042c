class Solution:
    def precision_recall_at_k(self, recommended: List[int], relevant: List[int], k: int) -> List[float]:
        hits = 0
        for item in recommended[:k]:
            if item in relevant:  # linear scan of a list: O(k * |relevant|)
                hits += 1
        precision = hits / k
        recall = hits / len(relevant) if relevant else 0.0
        return [precision, recall]
