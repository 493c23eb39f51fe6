/**
 * The customer event log (decision D6, design "Events and delivery"): one typed, numbered record of
 * every change, written by the transaction that makes it. A customer's history is a view of it, and
 * webhooks are renderings of it. {@link dev.kyra.events.EventLog} is its API.
 */
package dev.kyra.events;
