/**
 * @param {number} numCourses
 * @param {number[][]} prerequisites
 * @return {boolean}
 */
var canFinish = function(numCourses, prerequisites) {
    const indegree = new Array(numCourses).fill(0);
    const next = Array.from({ length: numCourses }, () => []);
    for (const [course, before] of prerequisites) {
        next[before].push(course);
        indegree[course]++;
    }
    const queue = [];
    for (let i = 0; i < numCourses; i++) {
        if (indegree[i] === 0) queue.push(i);
    }
    let taken = 0;
    for (let qi = 0; qi < queue.length; qi++) {
        taken++;
        for (const c of next[queue[qi]]) {
            if (--indegree[c] === 0) queue.push(c);
        }
    }
    return taken === numCourses;
};
