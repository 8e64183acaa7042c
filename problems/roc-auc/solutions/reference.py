class Solution:
    def roc_auc(self, labels: List[int], scores: List[float]) -> float:
        pairs = sorted(zip(scores, labels))
        n = len(pairs)
        total_pos = sum(labels)
        total_neg = n - total_pos
        wins = 0.0  # correctly ordered (positive, negative) pairs, ties counting 1/2
        neg_below = 0
        i = 0
        while i < n:
            j = i
            pos = neg = 0
            while j < n and pairs[j][0] == pairs[i][0]:
                if pairs[j][1] == 1:
                    pos += 1
                else:
                    neg += 1
                j += 1
            wins += pos * (neg_below + neg / 2)
            neg_below += neg
            i = j
        return wins / (total_pos * total_neg)
