import type { ButtonProps } from "antd";

/** Button props with a data-testid for the browser tests (antd's prop types do not list data-* keys). */
export const buttonProps = (testId: string, props: ButtonProps = {}): ButtonProps => ({
  ...props,
  ...({ "data-testid": testId } as ButtonProps),
});
