export const app = { name: 'Counterfoil', tagline: '计费门户' };
