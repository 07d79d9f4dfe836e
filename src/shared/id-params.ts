// The path parameter most routes take: the id of what they act on (`/api/v1/measures/:id`).

import { z } from "zod";

export const idParams = z.object({ id: z.string().min(1).max(100) });
