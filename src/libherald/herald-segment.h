/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-segment.h: a named group of contacts that campaigns target. */
#pragma once

#include "herald-record.h"

G_BEGIN_DECLS

#define HERALD_TYPE_SEGMENT (herald_segment_get_type ())
G_DECLARE_FINAL_TYPE (HeraldSegment, herald_segment, HERALD, SEGMENT, HeraldRecord)

HeraldSegment *herald_segment_new               (void);
const char *   herald_segment_get_name          (HeraldSegment *self);
void           herald_segment_set_name          (HeraldSegment *self, const char *name);
const char *   herald_segment_get_description   (HeraldSegment *self);
void           herald_segment_set_description   (HeraldSegment *self, const char *description);
gint64         herald_segment_get_contact_count (HeraldSegment *self);
void           herald_segment_set_contact_count (HeraldSegment *self, gint64 contact_count);

G_END_DECLS
