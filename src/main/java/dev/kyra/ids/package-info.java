/**
 * Identifier generation shared by every feature: UUIDv7 canonical ids and their ObjectId-shaped,
 * base58-printed companions for the Allawee face (decision D3).
 */
package dev.kyra.ids;
