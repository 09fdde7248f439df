import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'class' | 'className'> & {
  variant?: 'primary' | 'secondary' | 'link';
  children: ComponentChildren;
};

export function Button({ variant = 'primary', type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} class={`button button--${variant}`}>
      {children}
    </button>
  );
}
