-- Reserved for councils; replaced by the module's schema when it lands.
SELECT 1;
