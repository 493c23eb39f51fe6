/**
 * HTTP concerns shared by all faces: request ids and request logging, body limits, strict JSON
 * bodies, the authenticated caller as a controller argument, and the last-resort error handler.
 */
package dev.kyra.web;
