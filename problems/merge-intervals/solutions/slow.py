class Solution:
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        # No sorting: every new interval absorbs all merged intervals that it overlaps.
        merged = []
        for start, end in intervals:
            kept = []
            for s, e in merged:
                if s <= end and start <= e:
                    start = min(start, s)
                    end = max(end, e)
                else:
                    kept.append([s, e])
            kept.append([start, end])
            merged = kept
        return merged
