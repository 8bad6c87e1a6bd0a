/**
 * Request and response shapes of Easemob's REST API, for the OpenAPI document only: the
 * controllers read bodies as text and answer with maps, so these types are never instantiated.
 */
package dev.relations.api.http.docs;
