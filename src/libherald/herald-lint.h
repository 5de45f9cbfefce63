/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-lint.h: checks of a template before it is sent. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HeraldLintSeverity:
 * @HERALD_LINT_INFO: worth knowing
 * @HERALD_LINT_WARNING: probably a mistake
 * @HERALD_LINT_ERROR: must be fixed before sending
 */
typedef enum
{
  HERALD_LINT_INFO,
  HERALD_LINT_WARNING,
  HERALD_LINT_ERROR,
} HeraldLintSeverity;

/**
 * HeraldLintPart:
 * @HERALD_LINT_PART_NONE: the template as a whole
 * @HERALD_LINT_PART_SUBJECT: the e-mail subject
 * @HERALD_LINT_PART_PREHEADER: the e-mail preheader
 * @HERALD_LINT_PART_HTML: the HTML body
 * @HERALD_LINT_PART_TEXT: the plain-text body or the SMS text
 * @HERALD_LINT_PART_TITLE: the push title
 * @HERALD_LINT_PART_BODY: the push body
 *
 * The field a finding is about.
 */
typedef enum
{
  HERALD_LINT_PART_NONE,
  HERALD_LINT_PART_SUBJECT,
  HERALD_LINT_PART_PREHEADER,
  HERALD_LINT_PART_HTML,
  HERALD_LINT_PART_TEXT,
  HERALD_LINT_PART_TITLE,
  HERALD_LINT_PART_BODY,
} HeraldLintPart;

/* Codes of the findings, stable for tests and for filtering in the UI. */
#define HERALD_LINT_SYNTAX              "syntax"
#define HERALD_LINT_UNKNOWN_VARIABLE    "unknown-variable"
#define HERALD_LINT_MISSING_SUBJECT     "missing-subject"
#define HERALD_LINT_MISSING_BODY        "missing-body"
#define HERALD_LINT_MISSING_UNSUBSCRIBE "missing-unsubscribe"
#define HERALD_LINT_DANGEROUS_LINK      "dangerous-link"
#define HERALD_LINT_LINK_NOT_HTTP       "link-not-http"
#define HERALD_LINT_INSECURE_LINK       "insecure-link"
#define HERALD_LINT_IMAGE_WITHOUT_ALT   "image-without-alt"
#define HERALD_LINT_HTML_PARSE          "html-parse"
#define HERALD_LINT_HTML_TOO_LARGE      "html-too-large"
#define HERALD_LINT_SMS_SEGMENTS        "sms-segments"
#define HERALD_LINT_PUSH_TOO_LONG       "push-too-long"

/* Gmail clips messages whose HTML is larger than this (102 KiB). */
#define HERALD_LINT_GMAIL_CLIP_BYTES (102 * 1024)

/**
 * HeraldLintFinding:
 * @severity: how bad it is
 * @code: one of the `HERALD_LINT_*` codes
 * @message: a translated sentence for the user
 * @part: the field concerned
 * @line: 1-based line in that field, 0 when not known
 * @column: 1-based column, 0 when not known
 *
 * One result of herald_lint_email() and friends.
 */
typedef struct
{
  HeraldLintSeverity severity;
  char *code;
  char *message;
  HeraldLintPart part;
  guint line;
  guint column;
} HeraldLintFinding;

#define HERALD_TYPE_LINT_FINDING (herald_lint_finding_get_type ())

GType              herald_lint_finding_get_type (void) G_GNUC_CONST;
HeraldLintFinding *herald_lint_finding_copy     (const HeraldLintFinding *finding);
void               herald_lint_finding_free     (HeraldLintFinding       *finding);

GPtrArray *herald_lint_email (const char         *subject,
                              const char         *preheader,
                              const char         *html,
                              const char         *text,
                              const char * const *known_variables);
GPtrArray *herald_lint_sms   (const char         *text,
                              const char * const *known_variables);
GPtrArray *herald_lint_push  (const char         *title,
                              const char         *body,
                              const char * const *known_variables);
GPtrArray *herald_lint_find_tag_problems (const char         *source,
                                          const char * const *known_variables);
guint      herald_lint_count (GPtrArray          *findings,
                              const char         *code);
const HeraldLintFinding *herald_lint_first (GPtrArray  *findings,
                                            const char *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldLintFinding, herald_lint_finding_free)

G_END_DECLS
