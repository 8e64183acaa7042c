class Solution:
    def roc_auc(self, labels: List[int], scores: List[float]) -> float:
        order = sorted(range(len(scores)), key=lambda i: scores[i])
        pos = sum(labels)
        neg = len(labels) - pos
        wins = 0
        neg_seen = 0
        # Bug: tied scores are not grouped, so a tie counts as 0 or 1 depending on the sort order instead of 1/2.
        for i in order:
            if labels[i] == 1:
                wins += neg_seen
            else:
                neg_seen += 1
        return wins / (pos * neg)
