import { badRequest } from '../errors';

/**
 * F5 repeats the path's namespace and name in the body of ops 3–6 (F5-BILLING-API.md §6). Both are
 * optional there; when sent they must agree with the path, or the request is ambiguous: 400.
 */
export function requireSameNamespace(bodyNamespace: string | undefined, pathNamespace: { name: string } | null): void {
  if (bodyNamespace !== undefined && bodyNamespace !== '' && bodyNamespace !== pathNamespace?.name) {
    throw badRequest('the body\'s namespace differs from the path\'s', 'NAMESPACE_MISMATCH');
  }
}

export function requireSameName(bodyName: string | undefined, pathName: string): void {
  if (bodyName !== undefined && bodyName !== '' && bodyName !== pathName) throw badRequest('the body\'s name differs from the path\'s', 'NAME_MISMATCH');
}
