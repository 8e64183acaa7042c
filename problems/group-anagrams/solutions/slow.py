# Correct but O(n * groups): every string is compared with the key of each group found so far.
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        keys = []
        groups = []
        for s in strs:
            key = sorted(s)
            for i in range(len(keys)):
                if keys[i] == key:
                    groups[i].append(s)
                    break
            else:
                keys.append(key)
                groups.append([s])
        return groups
