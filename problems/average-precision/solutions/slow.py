class Solution:
    def average_precision(self, recommended: List[int], relevant: List[int]) -> float:
        if not relevant:
            return 0.0
        hits = 0
        total = 0.0
        for rank, item in enumerate(recommended, start=1):
            if item in relevant:  # linear scan of a list: O(n * |relevant|)
                hits += 1
                total += hits / rank
        return total / len(relevant)
