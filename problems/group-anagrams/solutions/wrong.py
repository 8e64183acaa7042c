# Bug: the key is the SET of letters, which forgets how often each letter occurs, so "aab"
# and "abb" land in the same group.
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = defaultdict(list)
        for s in strs:
            groups[frozenset(s)].append(s)
        return list(groups.values())
