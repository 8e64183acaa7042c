class Solution:
    def average_precision(self, recommended: List[int], relevant: List[int]) -> float:
        relevant_set = set(relevant)
        if not relevant_set:
            return 0.0
        hits = 0
        total = 0.0
        for rank, item in enumerate(recommended, start=1):
            if item in relevant_set:
                hits += 1
                total += hits / rank
        return total / len(relevant_set)
