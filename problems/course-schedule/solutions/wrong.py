# Bug: one "visited" set serves both as "on the current path" and "already finished", so
# reaching a finished course again through another path (a diamond) is taken for a cycle.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        graph = [[] for _ in range(numCourses)]
        for course, pre in prerequisites:
            graph[course].append(pre)
        visited = set()

        def has_cycle(node):
            if node in visited:
                return True
            visited.add(node)
            for pre in graph[node]:
                if has_cycle(pre):
                    return True
            return False

        for course in range(numCourses):
            if course not in visited and has_cycle(course):
                return False
        return True
