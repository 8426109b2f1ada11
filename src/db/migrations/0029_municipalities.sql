-- Reserved for municipalities; replaced by the module's schema when it lands.
SELECT 1;
