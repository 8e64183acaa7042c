# Correct but O(numCourses * prerequisites): each round scans every pair to find the
# courses whose prerequisites are all taken, and a long chain needs one round per course.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        taken = [False] * numCourses
        remaining = numCourses
        while remaining:
            blocked = [False] * numCourses
            for course, pre in prerequisites:
                if not taken[pre]:
                    blocked[course] = True
            progress = False
            for course in range(numCourses):
                if not taken[course] and not blocked[course]:
                    taken[course] = True
                    remaining -= 1
                    progress = True
            if not progress:
                return False
        return True
