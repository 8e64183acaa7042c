class Solution:
    def describe(self, count: int, total: int, ratio: float, flag: bool, name: str, letter: str, board: List[List[str]], words: List[str], grid: List[List[int]], weights: List[float], stamps: List[int], groups: List[List[str]]) -> str:
        pass
