/**
 * Starting the packaged jar. {@link org.cutover.launch.JarMain} is the jar's entry point and sits
 * at the jar's root, outside Spring Boot's nested class path, so these classes use only the JDK.
 * {@link org.cutover.launch.BoundedJvm} runs the sync command in a JVM of bounded size, started
 * from the extracted jar and class-data archive that {@link org.cutover.launch.LaunchCache} keeps.
 */
package org.cutover.launch;
