/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-renderer.h: {{ variable }} templates for e-mail, SMS and push. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HERALD_RENDER_ERROR (herald_render_error_quark ())

/**
 * HeraldRenderError:
 * @HERALD_RENDER_ERROR_INVALID_UTF8: the template is not valid UTF-8
 * @HERALD_RENDER_ERROR_UNTERMINATED_TAG: `{{` without a matching `}}`
 * @HERALD_RENDER_ERROR_EMPTY_TAG: `{{ }}`
 * @HERALD_RENDER_ERROR_SYNTAX: something else inside a tag is malformed
 * @HERALD_RENDER_ERROR_UNTERMINATED_STRING: a string literal without its
 *   closing quote on the same line
 * @HERALD_RENDER_ERROR_INVALID_ESCAPE: an unknown `\` escape in a string
 * @HERALD_RENDER_ERROR_UNKNOWN_FILTER: a filter name that does not exist
 * @HERALD_RENDER_ERROR_FILTER_ARGUMENT: a filter with a missing or
 *   superfluous argument
 * @HERALD_RENDER_ERROR_INVALID_JSON: the template's variables JSON cannot
 *   be read
 *
 * Errors of the template syntax.  Their messages name the line and column.
 */
typedef enum
{
  HERALD_RENDER_ERROR_INVALID_UTF8,
  HERALD_RENDER_ERROR_UNTERMINATED_TAG,
  HERALD_RENDER_ERROR_EMPTY_TAG,
  HERALD_RENDER_ERROR_SYNTAX,
  HERALD_RENDER_ERROR_UNTERMINATED_STRING,
  HERALD_RENDER_ERROR_INVALID_ESCAPE,
  HERALD_RENDER_ERROR_UNKNOWN_FILTER,
  HERALD_RENDER_ERROR_FILTER_ARGUMENT,
  HERALD_RENDER_ERROR_INVALID_JSON,
} HeraldRenderError;

/**
 * HeraldOutputKind:
 * @HERALD_OUTPUT_HTML: an HTML body: values are HTML-escaped
 * @HERALD_OUTPUT_TEXT: a plain-text body or a subject: values are inserted raw
 * @HERALD_OUTPUT_SMS: an SMS text: raw
 * @HERALD_OUTPUT_PUSH: a push title or body: raw
 *
 * What a template produces, which decides how values are escaped.
 */
typedef enum
{
  HERALD_OUTPUT_HTML,
  HERALD_OUTPUT_TEXT,
  HERALD_OUTPUT_SMS,
  HERALD_OUTPUT_PUSH,
} HeraldOutputKind;

/**
 * HeraldRenderFlags:
 * @HERALD_RENDER_NONE: unknown variables render as nothing (for sending)
 * @HERALD_RENDER_KEEP_UNKNOWN: a tag of an unknown variable is copied to
 *   the output as written (for a preview that shows what is missing)
 */
typedef enum
{
  HERALD_RENDER_NONE         = 0,
  HERALD_RENDER_KEEP_UNKNOWN = 1 << 0,
} HeraldRenderFlags;

/**
 * HeraldRenderIssueKind:
 * @HERALD_RENDER_ISSUE_SYNTAX: a malformed tag (only from
 *   herald_template_check_syntax())
 * @HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE: no source knows the variable
 * @HERALD_RENDER_ISSUE_MISSING_VALUE: the variable is known but empty for
 *   this contact and has no fallback
 * @HERALD_RENDER_ISSUE_FALLBACK: the value came from a `default:` filter or
 *   from the template's variable defaults
 */
typedef enum
{
  HERALD_RENDER_ISSUE_SYNTAX,
  HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE,
  HERALD_RENDER_ISSUE_MISSING_VALUE,
  HERALD_RENDER_ISSUE_FALLBACK,
} HeraldRenderIssueKind;

/**
 * HeraldRenderIssue:
 * @kind: what happened
 * @name: (nullable): the variable concerned, %NULL for syntax issues
 * @message: a translated sentence for the user, with the position
 * @line: 1-based line of the tag (or of the syntax problem)
 * @column: 1-based column in characters (not bytes) within @line
 * @offset: byte offset of the tag's `{{` (or of the problem) in the source
 * @length: length of the tag in bytes (0 when unknown)
 *
 * A finding of rendering or of a syntax check, with a position that the
 * editor can underline (GtkTextBuffer counts lines from 0 and columns in
 * characters: use @line - 1 and @column - 1).
 */
typedef struct
{
  HeraldRenderIssueKind kind;
  char *name;
  char *message;
  guint line;
  guint column;
  gsize offset;
  gsize length;
} HeraldRenderIssue;

#define HERALD_TYPE_RENDER_ISSUE (herald_render_issue_get_type ())

GType              herald_render_issue_get_type (void) G_GNUC_CONST;
HeraldRenderIssue *herald_render_issue_copy     (const HeraldRenderIssue *issue);
void               herald_render_issue_free     (HeraldRenderIssue       *issue);

/**
 * HeraldRenderScope:
 *
 * The values a template is rendered with: one contact, the template's
 * variable defaults and any extra values (such as `unsubscribe_url`).
 */
typedef struct _HeraldRenderScope HeraldRenderScope;

#define HERALD_TYPE_RENDER_SCOPE (herald_render_scope_get_type ())

GType              herald_render_scope_get_type       (void) G_GNUC_CONST;
HeraldRenderScope *herald_render_scope_new            (void);
HeraldRenderScope *herald_render_scope_ref            (HeraldRenderScope *scope);
void               herald_render_scope_unref          (HeraldRenderScope *scope);
void               herald_render_scope_set_value      (HeraldRenderScope *scope,
                                                       const char        *name,
                                                       const char        *value);
void               herald_render_scope_set_values     (HeraldRenderScope *scope,
                                                       GHashTable        *values);
void               herald_render_scope_set_contact    (HeraldRenderScope *scope,
                                                       const char        *name,
                                                       const char        *first_name,
                                                       const char        *last_name,
                                                       const char        *email,
                                                       const char        *phone,
                                                       JsonObject        *attributes);
void               herald_render_scope_set_defaults   (HeraldRenderScope *scope,
                                                       JsonNode          *variables);
gboolean           herald_render_scope_set_defaults_from_json (HeraldRenderScope *scope,
                                                       const char        *variables_json,
                                                       GError           **error);
gboolean           herald_render_scope_is_known       (HeraldRenderScope *scope,
                                                       const char        *name);
const char        *herald_render_scope_lookup         (HeraldRenderScope *scope,
                                                       const char        *name,
                                                       gboolean          *is_default);
GStrv              herald_render_scope_dup_names      (HeraldRenderScope *scope);

/**
 * HeraldRenderSpan:
 * @source_offset: byte offset of a text run or tag in the source
 * @source_length: its length in bytes
 * @output_offset: byte offset of what it produced in the output
 * @output_length: that length in bytes (0 for a tag that inserted nothing)
 * @tag: whether the piece is a `{{ … }}` tag; a text run is copied byte
 *   for byte, so its offsets map one to one
 *
 * One piece of a source and its place in the output, from
 * herald_parsed_template_render_mapped().
 */
typedef struct
{
  gsize source_offset;
  gsize source_length;
  gsize output_offset;
  gsize output_length;
  gboolean tag;
} HeraldRenderSpan;

/**
 * HeraldParsedTemplate:
 *
 * A template source split into text and tags once, so that it can be
 * rendered for many contacts.  Immutable and reference counted, so it may
 * be shared between threads.
 */
typedef struct _HeraldParsedTemplate HeraldParsedTemplate;

#define HERALD_TYPE_PARSED_TEMPLATE (herald_parsed_template_get_type ())

GType                 herald_parsed_template_get_type      (void) G_GNUC_CONST;
HeraldParsedTemplate *herald_parsed_template_new           (const char            *source,
                                                            gssize                 length,
                                                            GError               **error);
HeraldParsedTemplate *herald_parsed_template_new_lenient   (const char            *source,
                                                            gssize                 length,
                                                            GPtrArray            **syntax_issues);
HeraldParsedTemplate *herald_parsed_template_ref           (HeraldParsedTemplate  *self);
void                  herald_parsed_template_unref         (HeraldParsedTemplate  *self);
GStrv                 herald_parsed_template_dup_variables (HeraldParsedTemplate  *self);
char                 *herald_parsed_template_render        (HeraldParsedTemplate  *self,
                                                            HeraldRenderScope     *scope,
                                                            HeraldOutputKind       kind,
                                                            HeraldRenderFlags      flags,
                                                            GPtrArray            **issues);
char                 *herald_parsed_template_render_mapped (HeraldParsedTemplate  *self,
                                                            HeraldRenderScope     *scope,
                                                            HeraldOutputKind       kind,
                                                            HeraldRenderFlags      flags,
                                                            GPtrArray            **issues,
                                                            GArray               **spans);
const HeraldRenderSpan *herald_render_spans_find          (GArray                *spans,
                                                            gsize                  output_offset);
GStrv                 herald_parsed_template_dup_fallbacks (HeraldParsedTemplate  *self,
                                                            HeraldRenderScope     *scope);

char      *herald_render                (const char        *source,
                                         gssize             length,
                                         HeraldRenderScope *scope,
                                         HeraldOutputKind   kind,
                                         HeraldRenderFlags  flags,
                                         GPtrArray        **issues,
                                         GError           **error);
GPtrArray *herald_template_check_syntax (const char        *source,
                                         gssize             length);
GStrv      herald_template_dup_variables (const char       *source,
                                         gssize             length);
const char * const *herald_render_standard_variables (void);
void       herald_render_append_escaped (GString           *out,
                                         const char        *value,
                                         gssize             length,
                                         HeraldOutputKind   kind);
GQuark     herald_render_error_quark    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldRenderIssue, herald_render_issue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldRenderScope, herald_render_scope_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldParsedTemplate, herald_parsed_template_unref)

G_END_DECLS
