/**
 * List queries in the abstract: conditions over named attributes, sort keys, cursors and limits,
 * and their translation to parameterised SQL over an attribute table a feature supplies. A face
 * parses its own query syntax into these types; a feature's repository turns them into SQL here.
 * Nothing a client sends ever becomes SQL text: attribute names are looked up in the feature's table
 * and every value is a bound parameter.
 */
package dev.kyra.query;
