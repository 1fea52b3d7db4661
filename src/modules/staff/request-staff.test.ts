import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { requireAccessDeclarations } from '../../core/access-level.js';
import type { StaffRole } from '../access/schema.js';
import { requireStaffRoleDeclarations } from './request-staff.js';

describe('requireStaffRoleDeclarations', () => {
  const app = () => {
    const instance = Fastify();
    requireAccessDeclarations(instance);
    requireStaffRoleDeclarations(instance);
    return instance;
  };

  it('makes a staff route without roles, or with an unknown one, fail at start-up', async () => {
    const instance = app();
    expect(() => instance.get('/a', { config: { access: 'staff' } }, async () => 'x')).toThrow(/must declare config.staffRoles/);
    expect(() => instance.get('/b', { config: { access: 'staff', staffRoles: [] } }, async () => 'x')).toThrow(/staffRoles/);
    expect(() => instance.get('/c', { config: { access: 'staff', staffRoles: ['nurse' as StaffRole] } }, async () => 'x')).toThrow(/staffRoles/);
    await instance.close();
  });

  it('accepts a staff route naming its roles, and leaves other levels alone', async () => {
    const instance = app();
    expect(() => instance.get('/d', { config: { access: 'staff', staffRoles: ['vaccinator'] } }, async () => 'x')).not.toThrow();
    expect(() => instance.get('/e', { config: { access: 'public' } }, async () => 'x')).not.toThrow();
    await instance.close();
  });
});
