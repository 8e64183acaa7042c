class Solution:
    def precision_recall_at_k(self, recommended: List[int], relevant: List[int], k: int) -> List[float]:
        relevant_set = set(relevant)
        hits = sum(1 for item in recommended[:k] if item in relevant_set)
        precision = hits / k
        recall = hits / len(relevant_set) if relevant_set else 0.0
        return [precision, recall]
