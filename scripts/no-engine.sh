#!/bin/sh
# Prisma's CLI insists on a native schema engine it cannot download offline; `generate` never runs it.
exit 1
