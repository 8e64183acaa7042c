class Solution:
    def roc_auc(self, labels: List[int], scores: List[float]) -> float:
        positives = [s for s, y in zip(scores, labels) if y == 1]
        negatives = [s for s, y in zip(scores, labels) if y == 0]
        wins = 0.0
        for p in positives:  # every (positive, negative) pair: O(P * N)
            for q in negatives:
                if p > q:
                    wins += 1
                elif p == q:
                    wins += 0.5
        return wins / (len(positives) * len(negatives))
