/**
 * The Camunda engine set up for Cutover: the process models and forms deployed from the top-level
 * {@code bpmn/} and {@code forms/} folders, our tables migrated before the engine starts, the
 * engine's REST API behind HTTP Basic, and the accounts that must exist.
 */
package org.cutover.camunda;
