// Types for Astro's and Vite's special imports (?url, astro:content) in site code.
/// <reference types="astro/client" />
