/** Ear-training questions and answer checking (issue 7). Filled in as the quizzes land. */
export {};
