/** Grading a played attempt against an exercise (issue 7). Filled in as the grader lands. */
export {};
