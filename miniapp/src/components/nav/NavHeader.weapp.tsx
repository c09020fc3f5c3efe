/* The weapp has WeChat's own navigation bar (title, back, home): nothing to add. See NavHeader.tsx for H5. */
export function NavHeader(_props: { title?: string }) {
  return null;
}
