import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { publicRegistrationRoutes } from './routes-public';
import { reviewRoutes } from './routes-review';

/** The public registration form (KA-2): options and submission, no sign-in. */
export const publicRegistrationsModule: Module = {
  name: 'public-registrations',
  basePath: '/api/public/registrations',
  routes: publicRegistrationRoutes,
};

/** The review queue of registrations for centre staff: list, read with suggested matches, accept, merge, reject. */
export const registrationsModule: Module = {
  name: 'registrations',
  basePath: '/api/registrations',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', reviewRoutes(deps));
    return r;
  },
};
