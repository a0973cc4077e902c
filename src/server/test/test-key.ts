/** The vault key of every test app, and of the instances kill-instance.test.ts runs in processes of their own. */
export const TEST_KEY = Buffer.alloc(32, 7);
