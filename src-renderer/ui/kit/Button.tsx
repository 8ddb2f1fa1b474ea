import type { ButtonHTMLAttributes } from 'react';
import styles from './Button.module.css';
import { classNames } from './class-names';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'quiet-danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant;
  readonly size?: 'normal' | 'small';
}

const variantClass: Record<ButtonVariant, string | undefined> = {
  default: undefined,
  primary: styles.primary,
  danger: styles.danger,
  'quiet-danger': styles.quietDanger,
};

/** A button (type="button" unless told otherwise); its label is its text or aria-label. */
export function Button({ variant = 'default', size = 'normal', type = 'button', className, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={classNames(styles.button, variantClass[variant], size === 'small' && styles.small, className)}
      {...rest}
    />
  );
}
