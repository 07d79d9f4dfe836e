// The password policy, as one pure check returning the Chinese reasons a password is refused (empty = accepted).

export const MIN_PASSWORD_LENGTH = 10;

const CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** Reasons `password` may not be used by `login`: at least 10 characters, two kinds of characters, not the login. */
export function passwordProblems(password: string, login: string): string[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(`密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`);
  if (CLASSES.filter((c) => c.test(password)).length < 2) {
    problems.push("密码不能只由一类字符组成（请混合使用大写字母、小写字母、数字或符号中的至少两类）");
  }
  if (password.trim().toLowerCase() === login.trim().toLowerCase()) problems.push("密码不能与登录名相同");
  return problems;
}
