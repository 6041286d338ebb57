// Any path under this prefix that no route serves: a JSON 404, never the portal's HTML not-found page.
import { unknownApiPath } from '@/server/rest/unknown-path';

export { unknownApiPath as GET, unknownApiPath as POST, unknownApiPath as PUT, unknownApiPath as PATCH, unknownApiPath as DELETE };
