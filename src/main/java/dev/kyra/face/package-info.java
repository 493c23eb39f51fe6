/** The wire formats Kyra speaks. Each face is a module of its own and none depends on another. */
package dev.kyra.face;
