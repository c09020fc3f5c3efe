import Taro from "@tarojs/taro";

/*
 * Sends the user to the login page once, however many requests fail with 401 at the same moment.
 * The login page goes back to where the user was after signing in.
 */
export const LOGIN_PAGE = "/pages/login/index";

let loginPageOpen = false;

export function setLoginPageOpen(open: boolean): void {
  loginPageOpen = open;
}

export function goToLogin(): void {
  if (loginPageOpen) return;
  loginPageOpen = true;
  Taro.navigateTo({ url: LOGIN_PAGE }).catch(() => {
    loginPageOpen = false;
  });
}
